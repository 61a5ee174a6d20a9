package fonts

import _ "embed"

// The embedded files, each in a variable of its own: the bytes are laid
// out in the binary and read where they lie, never copied. Nothing may
// change them.

//go:embed noto/NotoSans-Bold.ttf
var notoNotoSansBold []byte

//go:embed noto/NotoSans-Italic.ttf
var notoNotoSansItalic []byte

//go:embed noto/NotoSans-Regular.ttf
var notoNotoSansRegular []byte

//go:embed noto/NotoSansMono-Bold.ttf
var notoNotoSansMonoBold []byte

//go:embed noto/NotoSansMono-Regular.ttf
var notoNotoSansMonoRegular []byte

//go:embed noto/NotoSerif-Bold.ttf
var notoNotoSerifBold []byte

//go:embed noto/NotoSerif-BoldItalic.ttf
var notoNotoSerifBoldItalic []byte

//go:embed noto/NotoSerif-Italic.ttf
var notoNotoSerifItalic []byte

//go:embed noto/NotoSerif-Regular.ttf
var notoNotoSerifRegular []byte

//go:embed noto/OFL.txt
var notoOFLText []byte

//go:embed dejavu/DejaVuSans-Bold.ttf
var dejavuDejaVuSansBold []byte

//go:embed dejavu/DejaVuSans.ttf
var dejavuDejaVuSans []byte

//go:embed dejavu/LICENSE.txt
var dejavuLICENSEText []byte

//go:embed notomath/NotoSansMath-Regular.ttf
var notomathNotoSansMathRegular []byte

//go:embed notomath/OFL.txt
var notomathOFLText []byte

// files holds every embedded file by its path.
var files = map[string][]byte{
	"noto/NotoSans-Bold.ttf":            notoNotoSansBold,
	"noto/NotoSans-Italic.ttf":          notoNotoSansItalic,
	"noto/NotoSans-Regular.ttf":         notoNotoSansRegular,
	"noto/NotoSansMono-Bold.ttf":        notoNotoSansMonoBold,
	"noto/NotoSansMono-Regular.ttf":     notoNotoSansMonoRegular,
	"noto/NotoSerif-Bold.ttf":           notoNotoSerifBold,
	"noto/NotoSerif-BoldItalic.ttf":     notoNotoSerifBoldItalic,
	"noto/NotoSerif-Italic.ttf":         notoNotoSerifItalic,
	"noto/NotoSerif-Regular.ttf":        notoNotoSerifRegular,
	"noto/OFL.txt":                      notoOFLText,
	"dejavu/DejaVuSans-Bold.ttf":        dejavuDejaVuSansBold,
	"dejavu/DejaVuSans.ttf":             dejavuDejaVuSans,
	"dejavu/LICENSE.txt":                dejavuLICENSEText,
	"notomath/NotoSansMath-Regular.ttf": notomathNotoSansMathRegular,
	"notomath/OFL.txt":                  notomathOFLText,
}
