package figure

// Canvas is what a writer implements to draw a scene natively. Draw calls
// its methods in the scene's painting order, with every length already in
// scene points and every group resolved: a canvas never sees a Group.
type Canvas interface {
	Path(p *Path)
	Rect(r *Rect)
	Circle(c *Circle)
	Text(t *Text)
	Link(l *Link)
}
