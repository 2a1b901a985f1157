"""Projects as they happen (issue 20): the projects staff keep (name,
workstream, what it is for, who to contact, linked opportunities and
meetings), their plain-text updates, who follows them, the members' and
staff's screens and the public "What we are working on" page. May import
core, notifications, members, opportunities and impact; nothing imports it
but intranet, demo and cms."""
