package dev.aap.core.build;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads JUnit-XML reports (Surefire's TEST-*.xml, pytest's --junitxml) into a {@link TestReport}. */
final class JUnitXml {

    private JUnitXml() {
    }

    /** Parses one report file or every {@code *.xml} in a directory; unreadable files are skipped. */
    static TestReport read(Path fileOrDir, boolean pytestIds) {
        var cases = new ArrayList<TestCase>();
        if (Files.isDirectory(fileOrDir)) {
            try (Stream<Path> files = Files.list(fileOrDir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                    cases.addAll(parse(f, pytestIds));
                }
            } catch (IOException e) {
                return new TestReport(cases);
            }
        } else if (Files.isRegularFile(fileOrDir)) {
            cases.addAll(parse(fileOrDir, pytestIds));
        }
        return new TestReport(cases);
    }

    private static List<TestCase> parse(Path file, boolean pytestIds) {
        var out = new ArrayList<TestCase>();
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = f.newDocumentBuilder().parse(file.toFile());
            NodeList nodes = doc.getElementsByTagName("testcase");
            for (int i = 0; i < nodes.getLength(); i++) {
                var tc = (Element) nodes.item(i);
                out.add(toCase(tc, pytestIds));
            }
        } catch (Exception e) {
            // a half-written report (the run was killed) is treated as absent; the exit code still tells
            return List.of();
        }
        return out;
    }

    private static TestCase toCase(Element tc, boolean pytestIds) {
        String cls = tc.getAttribute("classname");
        String name = tc.getAttribute("name");
        String id = pytestIds ? pytestId(cls, name) : cls + "#" + name;
        var outcome = TestCase.Outcome.PASSED;
        String message = "";
        for (Node child = tc.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                switch (e.getTagName()) {
                    case "failure" -> {
                        outcome = TestCase.Outcome.FAILED;
                        message = firstNonEmpty(e.getAttribute("message"), e.getTextContent());
                    }
                    case "error" -> {
                        outcome = TestCase.Outcome.ERROR;
                        message = firstNonEmpty(e.getAttribute("message"), e.getTextContent());
                    }
                    case "skipped" -> outcome = TestCase.Outcome.SKIPPED;
                    default -> { }
                }
            }
        }
        return new TestCase(id, outcome, message.length() > 2000 ? message.substring(0, 2000) : message);
    }

    /**
     * pytest's node id from its report: {@code tests.test_x} + {@code test_a} is {@code tests/test_x.py::test_a}; a
     * last part named like a test class ({@code tests.test_x.TestCart}) is the class, not a module.
     */
    static String pytestId(String classname, String name) {
        int dot = classname.lastIndexOf('.');
        String last = classname.substring(dot + 1);
        if (dot > 0 && !last.isEmpty() && Character.isUpperCase(last.charAt(0))) {
            return classname.substring(0, dot).replace('.', '/') + ".py::" + last + "::" + name;
        }
        return classname.replace('.', '/') + ".py::" + name;
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isBlank() ? a : (b == null ? "" : b.strip());
    }
}
