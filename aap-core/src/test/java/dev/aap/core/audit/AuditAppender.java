package dev.aap.core.audit;

import java.nio.file.Path;

/** Child-process half of the two-process append test: appends N records to the log under the given home. */
public final class AuditAppender {

    private AuditAppender() {
    }

    public static void main(String[] args) {
        AuditLog log = AuditLog.open(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        for (int i = 0; i < n; i++) {
            log.append("child", "aap", "sandbox.exec", AuditFixtures.editDetails(i));
        }
    }
}
