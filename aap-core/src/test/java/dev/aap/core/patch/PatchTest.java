package dev.aap.core.patch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatchTest {

    @Test
    void parsesFilesNewFilesAndCounts() {
        String diff = """
                diff --git a/src/A.java b/src/A.java
                index 1..2 100644
                --- a/src/A.java
                +++ b/src/A.java
                @@ -1,2 +1,2 @@
                -a
                +b
                 c
                diff --git a/src/B.java b/src/B.java
                new file mode 100644
                --- /dev/null
                +++ b/src/B.java
                @@ -0,0 +1,2 @@
                +x
                +y
                """;
        Patch p = Patch.parse(diff);
        assertThat(p.files()).containsExactly("src/A.java", "src/B.java");
        assertThat(p.newFiles()).containsExactly("src/B.java");
        assertThat(p.added()).isEqualTo(3);
        assertThat(p.removed()).isEqualTo(1);
        assertThat(p.changedLines()).isEqualTo(3);
        assertThat(p.sha256()).hasSize(64);
    }
}
