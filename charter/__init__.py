"""The group's Charter: versions published by the lead, read and accepted by
members (or by a supporter on their behalf), with who accepted what. May
import core, members and notifications."""
