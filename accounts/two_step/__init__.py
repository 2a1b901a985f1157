"""Two-step sign-in: a code from an authenticator app (TOTP) after the
password, and single-use recovery codes for a lost phone. Built on
django-otp's devices; this package holds the rules (who must, what counts)
and the pages. It imports from members (roles) and django-otp, never from a
feature app."""

# The demo's published authenticator secret (base32, README and `make run`).
# Anyone can compute its codes, so outside settings that allow demo content
# it never verifies (selectors.is_known_secret) and the system check
# accounts.E001 stops a deploy that carries it.
DEMO_TOTP_SECRET = "V6VWQPLY2VL7BNPKVV3ILQI2GO5F453G"
