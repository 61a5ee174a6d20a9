package palace

import "studyguide/builder/figure"

// The scene is designed for the smallest text block the guides are
// printed in, A5 portrait (about 329 × 504 points); writers scale it up
// on larger pages, never down, so no text in it is smaller than minSize
// on paper.
const (
	sceneWidth     = 320.0
	maxSceneHeight = 476.0
	margin         = 8.0
	wall           = 4.0  // between rooms, and between a room and the corridor
	corridorWidth  = 32.0 // the corridor the route winds along
	badgeRadius    = 9.5
	roomPad        = 7.0 // inside a room, around its content
	tightRoomPad   = 6.0 // the same in the rooms of a full page
	maxRoomHeight  = 150.0
	minSize        = 9.0 // the smallest type size in the scene
	sizeStep       = 0.5
)

// hue is the colours of one room: a light tint for the floor, a stronger
// tint for the pictogram's tile, and a dark ink for the pictogram and the
// number badge. The inks are all dark enough to read as near-black in
// greyscale, and the tints all light, so nothing relies on colour. Its
// name is the class the hue's shapes carry in SVG, with which the e-book
// stylesheet gives each hue its colour in the reader's palette.
type hue struct {
	floor, tile, ink figure.Color
	name             string
}

// hueOf returns the colours of the station with a 0-based number: six
// muted hues in turn, so that neighbouring rooms differ.
func hueOf(n int) hue {
	switch n % 6 {
	case 0:
		return hue{figure.RGB(0xec, 0xf2, 0xf9), figure.RGB(0xd3, 0xe1, 0xf1), figure.RGB(0x27, 0x4f, 0x7c), "blue"}
	case 1:
		return hue{figure.RGB(0xec, 0xf5, 0xee), figure.RGB(0xcf, 0xe6, 0xd5), figure.RGB(0x27, 0x5e, 0x3d), "green"}
	case 2:
		return hue{figure.RGB(0xfa, 0xf2, 0xe2), figure.RGB(0xf0, 0xdc, 0xb2), figure.RGB(0x7a, 0x4d, 0x0f), "amber"}
	case 3:
		return hue{figure.RGB(0xf9, 0xed, 0xef), figure.RGB(0xee, 0xd0, 0xd7), figure.RGB(0x86, 0x33, 0x45), "rose"}
	case 4:
		return hue{figure.RGB(0xf1, 0xef, 0xf9), figure.RGB(0xdb, 0xd5, 0xee), figure.RGB(0x50, 0x42, 0x84), "violet"}
	default:
		return hue{figure.RGB(0xea, 0xf5, 0xf5), figure.RGB(0xcc, 0xe6, 0xe5), figure.RGB(0x21, 0x60, 0x60), "teal"}
	}
}

// Colours shared by every page.
var (
	paper      = figure.RGB(0xff, 0xff, 0xff)
	wallColor  = figure.RGB(0xd9, 0xd4, 0xca)
	wallEdge   = figure.RGB(0x8f, 0x88, 0x7b)
	floorColor = figure.RGB(0xf6, 0xf2, 0xea)
	routeColor = figure.RGB(0x4a, 0x40, 0x36)
	headColor  = figure.RGB(0x16, 0x1b, 0x22)
	textColor  = figure.RGB(0x33, 0x3a, 0x44)
	quietColor = figure.RGB(0x5a, 0x61, 0x6c)
	yardFloor  = figure.RGB(0xee, 0xf1, 0xe8)
	yardInk    = figure.RGB(0x7d, 0x8c, 0x72)
)

// The classes of the drawing's parts in SVG (figure.Style.Class), which
// the e-book stylesheet paints in the reader's colours: the white page
// under the drawing, the walls, the corridor and doors, a room's floor,
// tile, pictogram and badge (each with its hue's name), the badge's
// number, the walking route and its marks (the arrowhead, the start),
// the three weights of text, and the empty
// courtyard with its tree.
const (
	classPaper = "paper"
	classWall  = "wall"
	classFloor = "floor"
	classRoom  = "room"
	classTile  = "tile"
	classInk   = "ink"
	classBadge = "badge"
	classOnInk = "badge-number"
	classRoute = "route"
	classMark  = "route-mark"
	classHead  = "head"
	classText  = "text"
	classQuiet = "quiet"
	classYard  = "yard"
	classTree  = "yard-ink"
)
