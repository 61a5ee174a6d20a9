package guide

import "time"

// FixedDate returns the build date of a guide that neither
// SOURCE_DATE_EPOCH nor its front matter dates: midnight UTC on 1 January
// 2000. The driver sets Meta.Modified from it, and a writer given a guide
// without Meta.Modified falls back on it, so that no output ever carries
// the clock and a rebuild of the same notes is byte-identical.
func FixedDate() time.Time {
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}
