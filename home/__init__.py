"""The home page and the general pages under it (accessibility statement,
privacy notice, cookies, any page of plain words). May import core."""
