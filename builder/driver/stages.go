package driver

import (
	"studyguide/builder/enrich"
	"studyguide/builder/guide"
	"studyguide/builder/palace"
)

// addStudyAids runs the enrichment stages on a guide that has been read, in
// their fixed order: the facts first, then the aids built from them, the
// glossary last so that it is the guide's last section. Each stage obeys
// the switches in g.Meta.
func addStudyAids(g *guide.Guide) {
	enrich.Extract(g)
	enrich.Summaries(g)
	enrich.Glance(g)
	palace.Build(g, palace.Options{})
	enrich.Glossary(g)
}
