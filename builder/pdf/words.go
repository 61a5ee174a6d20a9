package pdf

import (
	"strconv"
	"strings"
	"time"
)

// words are the few words the writer adds to a guide, in its language.
type words struct {
	contents string
	// pageOf formats "page n of total".
	pageOf func(n, total int) string
	months [12]string
	// page abbreviates "page" before a page number in a reference.
	page string
	// recap names the recap sheet; keyTerms heads its list of terms.
	recap, keyTerms string
}

// wordsFor returns the words for a BCP 47 language tag; English when the
// language is not one the writer knows.
func wordsFor(lang string) words {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	of := func(word string) func(n, total int) string {
		return func(n, total int) string {
			return strconv.Itoa(n) + " " + word + " " + strconv.Itoa(total)
		}
	}
	switch base {
	case "de":
		return words{"Inhalt", of("von"), [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}, "S.", "Zusammenfassung", "Schlüsselbegriffe"}
	case "fr":
		return words{"Table des matières", of("sur"), [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}, "p.", "Récapitulatif", "Termes clés"}
	case "es":
		return words{"Índice", of("de"), [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}, "p.", "Resumen", "Términos clave"}
	case "it":
		return words{"Indice", of("di"), [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}, "p.", "Riepilogo", "Termini chiave"}
	case "nl":
		return words{"Inhoud", of("van"), [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}, "p.", "Samenvatting", "Kernbegrippen"}
	}
	return words{"Contents", of("of"), [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}, "p.", "Recap", "Key terms"}
}

// date formats a date as day, month name and year.
func (ws words) date(t time.Time) string {
	t = t.UTC()
	return strconv.Itoa(t.Day()) + " " + ws.months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
