"""A real S3-compatible server on 127.0.0.1 for tests: moto's server mode, in
a process of its own, so any process (a test, a web server) can reach it."""

import socket
import subprocess
import sys
import time

import boto3
from django.conf import settings

from core.object_storage import (
    PUBLIC_CORS_RULES,
    object_storages,
    public_read_policy,
)

from .smtp import free_port

REGION = "eu-west-2"
ACCESS_KEY = "moto-test-key"
SECRET_KEY = "moto-test-secret"


class S3Server:
    def __init__(self, *, bucket="hub-media", private_bucket="hub-private"):
        self.port = free_port()
        self.bucket = bucket
        self.private_bucket = private_bucket
        self.process = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1"]
            + ["-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("moto's S3 server did not start") from None
                time.sleep(0.05)
        for name in (self.bucket, self.private_bucket):
            self.client().create_bucket(
                Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
            )
        # As in production (README): public media readable by anyone.
        self.client().put_bucket_policy(
            Bucket=self.bucket, Policy=public_read_policy(self.bucket)
        )
        self.client().put_bucket_cors(
            Bucket=self.bucket, CORSConfiguration={"CORSRules": PUBLIC_CORS_RULES}
        )

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def env(self) -> dict:
        """The environment production settings read (tests/production.py)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": self.private_bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint_url,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def settings(self) -> dict:
        """STORAGES as production builds it from env(), for override_settings."""
        return {
            "STORAGES": {
                **settings.STORAGES,
                **object_storages(
                    bucket=self.bucket,
                    private_bucket=self.private_bucket,
                    endpoint_url=self.endpoint_url,
                    region_name=REGION,
                    access_key=ACCESS_KEY,
                    secret_key=SECRET_KEY,
                ),
            }
        }
