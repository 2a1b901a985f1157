"""The year's figures for the lead and staff: paid engagements, people,
hours and fees, by workstream and Assembly (small groups hidden from staff),
and the finance CSV. Reads only: may import core, members, opportunities and
payments."""
