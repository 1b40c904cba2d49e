package org.planledger.infra.boardpack;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF step alone: same page and instant give the same bytes; the fonts' gaps and void elements do no harm. */
class BoardPackPdfTest {

    static final String PAGE = """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Pack</title></head>
            <body><h1>Kettering board pack</h1><p>Indicator <span>✓ On track</span><br>£1,200 – spent</p>
            <ul><li>One</li><li>Two</li></ul></body></html>""";

    @Test
    void theSamePageAtTheSameInstantGivesTheSameBytes() throws Exception {
        Instant at = Instant.parse("2013-07-15T10:00:00Z");
        long started = System.nanoTime();
        byte[] first = BoardPackPdf.render(PAGE, at);
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        byte[] second = BoardPackPdf.render(PAGE, at);
        long secondMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("BoardPackPdf: first render " + firstMillis + " ms, second " + secondMillis + " ms");

        assertThat(second).isEqualTo(first);
        assertThat(BoardPackPdf.render(PAGE, at.plusSeconds(1))).isNotEqualTo(first);
        try (PDDocument document = Loader.loadPDF(first)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Kettering board pack", "On track", "£1,200 – spent").doesNotContain("✓");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(at);
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        }
    }

    @Test
    void headingsAndStrongWordsAreSetInTheEmbeddedBoldFaceAndTheRestInTheRegularOne() throws Exception {
        String bodyOnly = PAGE.replace("<h1>Kettering board pack</h1>", "<p>Kettering board pack</p>");
        try (PDDocument withHeading = Loader.loadPDF(BoardPackPdf.render(PAGE, Instant.EPOCH));
             PDDocument withoutHeading = Loader.loadPDF(BoardPackPdf.render(bodyOnly, Instant.EPOCH))) {
            // subset fonts are named "ABCDEF+LiberationSans-Bold"; embedded means a font file in the descriptor
            assertThat(embeddedFonts(withHeading)).containsExactlyInAnyOrder("LiberationSans", "LiberationSans-Bold");
            assertThat(embeddedFonts(withoutHeading)).containsExactly("LiberationSans");
        }
    }

    static Set<String> embeddedFonts(PDDocument document) throws IOException {
        Set<String> names = new TreeSet<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                var font = resources.getFont(name);
                var descriptor = font.getFontDescriptor();
                boolean embedded = descriptor != null && (descriptor.getFontFile2() != null || descriptor.getFontFile() != null
                        || descriptor.getFontFile3() != null);
                if (embedded) {
                    names.add(font.getName().substring(font.getName().indexOf('+') + 1));
                }
            }
        }
        return names;
    }
}
