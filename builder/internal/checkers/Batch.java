import com.adobe.epubcheck.tool.EpubChecker;

/**
 * Batch checks several books in one run of the Java virtual machine, the
 * way the epubcheck command checks one: its first argument is a marker,
 * the others are the books. Before each book it prints the marker and
 * "book" with the book's number, after it the marker, "status" and what
 * EPUBCheck returned, so that the output can be cut into one verdict a
 * book. Error and warning messages go to standard output too, in order.
 * When EPUBCheck throws on a book, the book gets a fatal error that says
 * so, and the next book is checked all the same.
 */
public class Batch {
    public static void main(String[] args) {
        System.setErr(System.out);
        String marker = args[0];
        for (int i = 1; i < args.length; i++) {
            System.out.println(marker + " book " + i);
            int status;
            try {
                status = new EpubChecker().run(new String[] {args[i]});
            } catch (Throwable e) {
                System.out.println("FATAL(BATCH): " + args[i] + ": EPUBCheck stopped: " + e);
                status = -1;
            }
            System.out.println(marker + " status " + i + " " + status);
        }
        System.out.flush();
    }
}
