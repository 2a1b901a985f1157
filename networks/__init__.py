"""The directory of co-production and lived-experience networks across the
four nations: the public NetworksPage with its filters, the "Suggest a
network" form anyone may send, the lead's screens to approve, edit and hide
entries, and the yearly reminder to check each one. May import core,
notifications and members."""
