package org.planledger.infra.boardpack;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Set;
import java.util.TimeZone;

/**
 * Lays out a board pack's page (the Thymeleaf template the printable page uses) as a tagged PDF
 * (PDF/UA mode of openhtmltopdf), with every font embedded from the application's own jar, never the
 * operating system: Liberation Sans regular from PDFBox 3's jar, and the bold face of the same release
 * (2.1.5) committed under {@code resources/fonts} with its licence. Italic uses the upright faces.
 *
 * <p>Reproducible: the same HTML and the same {@code producedAt} give the same bytes. The PDF's
 * dates (document information and XMP) are {@code producedAt}, and its file identifier is derived
 * from the HTML instead of the clock, so an issued pack made again hashes the same.
 */
final class BoardPackPdf {

    /**
     * The version of the pack's layout: the board-pack template and the fragments it includes, the
     * stylesheets, the fonts and this class. Raise it with any change that alters a pack's bytes; it
     * is recorded on each BoardPackIssued, and a pack issued under an earlier layout is produced again
     * in this one and says so (docs/board-packs.md, "Layouts").
     * <ol>
     *     <li>the first: regular face only, no indicator charts;</li>
     *     <li>bold face for headings and strong words; indicator charts as bars with their figures.</li>
     * </ol>
     */
    static final int LAYOUT = 2;

    static final String FONT_FAMILY = "Liberation Sans";
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String BOLD_RESOURCE = "/fonts/LiberationSans-Bold.ttf";
    private static final byte[] FONT = readFont(PDDocument.class, FONT_RESOURCE, "PDFBox's jar");
    private static final byte[] BOLD = readFont(BoardPackPdf.class, BOLD_RESOURCE, "the application's jar");
    private static final CmapLookup GLYPHS = glyphs();

    private BoardPackPdf() {
    }

    /**
     * @param html       the pack page as served (HTML5; parsed leniently, so a fragment's void elements do no harm)
     * @param producedAt the instant printed on the cover, also the PDF's creation and modification date
     */
    static byte[] render(String html, Instant producedAt) {
        Document parsed = Jsoup.parse(html);
        parsed.outputSettings().prettyPrint(false);
        dropCharactersTheFontLacks(parsed);
        org.w3c.dom.Document dom = W3CDom.convert(parsed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer("Plan Ledger")
                .withW3cDocument(dom, "about:blank")
                // nothing outside the document: no stylesheet, font or image is fetched while a pack is made
                .useExternalResourceAccessControl((uri, type) -> false,
                        com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        for (int weight : new int[] {400, 700}) {
            byte[] face = weight == 700 ? BOLD : FONT;
            for (BaseRendererBuilder.FontStyle style : new BaseRendererBuilder.FontStyle[] {
                    BaseRendererBuilder.FontStyle.NORMAL, BaseRendererBuilder.FontStyle.ITALIC}) {
                builder.useFont(() -> new java.io.ByteArrayInputStream(face), FONT_FAMILY, weight, style, true,
                        Set.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT, BaseRendererBuilder.FSFontUseCase.FALLBACK_PRE));
            }
        }
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            PDDocument document = renderer.createPDFKeepOpen();
            try (document) {
                fixDatesAndIdentifier(document, producedAt, sha256(html.getBytes(StandardCharsets.UTF_8)));
                document.save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the board pack", e);
        }
        return out.toByteArray();
    }

    /** Text the embedded font cannot show (e.g. the pages' ✓ and ✗ marks beside words that say the same). */
    private static void dropCharactersTheFontLacks(Document document) {
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode text) {
                String original = text.getWholeText();
                StringBuilder kept = new StringBuilder(original.length());
                original.codePoints().forEach(c -> {
                    if (Character.isWhitespace(c) || GLYPHS.getGlyphId(c) != 0) {
                        kept.appendCodePoint(c);
                    }
                });
                if (kept.length() != original.length()) {
                    text.text(kept.toString());
                }
            }
        }, document);
    }

    private static void fixDatesAndIdentifier(PDDocument document, Instant producedAt, byte[] contentDigest) throws IOException {
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        when.setTimeInMillis(producedAt.toEpochMilli());
        PDDocumentInformation information = document.getDocumentInformation();
        information.setCreationDate(when);
        information.setModificationDate(when);
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            try (InputStream xml = metadata.exportXMPMetadata()) {
                DomXmpParser parser = new DomXmpParser();
                // the PDF/UA identification schema is not one xmpbox knows by heart
                parser.setStrictParsing(false);
                XMPMetadata xmp = parser.parse(xml.readAllBytes());
                XMPBasicSchema basic = xmp.getXMPBasicSchema();
                if (basic == null) {
                    basic = xmp.createAndAddXMPBasicSchema();
                }
                basic.setCreateDate(when);
                basic.setModifyDate(when);
                ByteArrayOutputStream serialized = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, serialized, true);
                metadata.importXMPMetadata(serialized.toByteArray());
            } catch (org.apache.xmpbox.xml.XmpParsingException | javax.xml.transform.TransformerException e) {
                throw new IOException("could not fix the pack's XMP dates", e);
            }
        }
        byte[] id = new byte[16];
        System.arraycopy(contentDigest, 0, id, 0, id.length);
        COSArray identifier = new COSArray();
        identifier.add(new COSString(id));
        identifier.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, identifier);
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] readFont(Class<?> owner, String resource, String where) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(where + " has no " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CmapLookup glyphs() {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT));
            return font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
