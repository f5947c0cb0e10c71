package dev.aap.core.gates;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the XML reports of checkstyle, PMD and SpotBugs into issues with project-relative paths. */
final class MavenReports {

    private MavenReports() {
    }

    /** The report a tool's goal writes under each module's {@code target/}. */
    static String fileName(Tool tool) {
        return switch (tool) {
            case CHECKSTYLE -> "checkstyle-result.xml";
            case PMD -> "pmd.xml";
            case SPOTBUGS -> "spotbugsXml.xml";
            case RUFF, FLAKE8, MYPY -> throw new IllegalArgumentException(tool + " writes no Maven report");
        };
    }

    /** The issues in one report; {@code sources} are the changed files SpotBugs' source paths are matched to. */
    static List<Issue> read(Tool tool, Path report, Path workdir, List<String> sources) {
        Document doc = parse(report);
        return switch (tool) {
            case CHECKSTYLE -> checkstyle(doc, workdir);
            case PMD -> pmd(doc, workdir);
            case SPOTBUGS -> spotbugs(doc, sources);
            case RUFF, FLAKE8, MYPY -> throw new IllegalArgumentException(tool + " writes no Maven report");
        };
    }

    private static List<Issue> checkstyle(Document doc, Path workdir) {
        var out = new ArrayList<Issue>();
        for (Element file : elements(doc.getDocumentElement(), "file")) {
            String path = LintOutput.relative(file.getAttribute("name"), workdir);
            for (Element e : elements(file, "error")) {
                String source = e.getAttribute("source");
                String rule = source.substring(source.lastIndexOf('.') + 1).replaceFirst("Check$", "");
                out.add(new Issue("checkstyle", rule.isEmpty() ? "error" : rule, path, number(e, "line"),
                        e.getAttribute("message").strip()));
            }
        }
        return out;
    }

    private static List<Issue> pmd(Document doc, Path workdir) {
        var out = new ArrayList<Issue>();
        for (Element file : elements(doc.getDocumentElement(), "file")) {
            String path = LintOutput.relative(file.getAttribute("name"), workdir);
            for (Element v : elements(file, "violation")) {
                out.add(new Issue("pmd", v.getAttribute("rule"), path, number(v, "beginline"),
                        v.getTextContent().strip()));
            }
        }
        return out;
    }

    private static List<Issue> spotbugs(Document doc, List<String> sources) {
        var out = new ArrayList<Issue>();
        for (Element bug : elements(doc.getDocumentElement(), "BugInstance")) {
            Element line = firstSourceLine(bug);
            if (line == null) {
                continue;
            }
            String sourcePath = line.getAttribute("sourcepath");
            String path = sources.stream().filter(s -> s.equals(sourcePath) || s.endsWith("/" + sourcePath))
                    .findFirst().orElse(sourcePath);
            List<Element> shortMessage = elements(bug, "ShortMessage");
            String message = shortMessage.isEmpty() ? bug.getAttribute("type") : shortMessage.get(0).getTextContent();
            out.add(new Issue("spotbugs", bug.getAttribute("type"), path, number(line, "start"), message.strip()));
        }
        return out;
    }

    /** The bug's own source line, else its method's, else its class's. */
    private static Element firstSourceLine(Element bug) {
        List<Element> direct = elements(bug, "SourceLine");
        if (!direct.isEmpty()) {
            return direct.get(0);
        }
        for (String owner : new String[] {"Method", "Class"}) {
            for (Element o : elements(bug, owner)) {
                List<Element> lines = elements(o, "SourceLine");
                if (!lines.isEmpty()) {
                    return lines.get(0);
                }
            }
        }
        return null;
    }

    private static List<Element> elements(Element parent, String name) {
        var out = new ArrayList<Element>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static int number(Element e, String attribute) {
        try {
            return Integer.parseInt(e.getAttribute(attribute).strip());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static Document parse(Path report) {
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(report.toFile());
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
            throw new IllegalStateException("cannot read " + report.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
