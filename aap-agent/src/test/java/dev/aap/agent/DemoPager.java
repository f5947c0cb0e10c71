package dev.aap.agent;

/** A small Java class with one off-by-one method, shared by the tool and loop tests of this module. */
public final class DemoPager {

    /** Where the tests put it, relative to the project root. */
    public static final String FILE = "src/main/java/demo/Pager.java";

    public static final String TEXT = """
            package demo;

            public class Pager {
                private int page;
                private final int size;

                public Pager(int size) {
                    this.size = size;
                }

                public boolean hasNext(int total) {
                    return page * size < total;
                }
            }
            """;

    private DemoPager() {
    }
}
