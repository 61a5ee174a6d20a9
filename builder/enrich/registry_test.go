package enrich_test

import (
	"studyguide/builder/aids"
	"studyguide/builder/enrich"
)

// init hands the study aids' registry to the tests of package enrich,
// which cannot import it themselves, so that they run the stages in the
// one order the registry keeps.
func init() {
	enrich.Aids.Run = aids.Run
	enrich.Aids.Keys = aids.Keys()
}
