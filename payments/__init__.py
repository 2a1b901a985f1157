"""Payments for paid work: claims with expenses and private receipts, the
lead's decisions and the claim's history, advance arrangements, benefit
thresholds beside the year's total. May import core, members, notifications
and opportunities."""
