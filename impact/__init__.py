"""Meetings, reflections and impact (issue 19): the meetings log and its
outcomes, the "you said, we heard, we propose, outcome" reflection flows,
what changed because of the group, the members' "were we heard?" answers,
and the editable parts of the annual report. May import core,
notifications, members, stories, library, opportunities, payments and
figures; nothing imports it but demo and cms."""
