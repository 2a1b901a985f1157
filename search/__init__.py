"""Site search, tag pages, feeds' neighbours: reads across stories and the
library. Top of the feature layer: may import core, members, stories, library."""
