package dev.aap.core.audit;

import dev.aap.core.EnvironmentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signing key: made once with owner-only modes, reused, and refused when others can read it. */
class AuditKeysTest {

    @TempDir
    Path home;

    @Test
    void theKeyIsMadeOnFirstUseReadableOnlyByItsOwner() throws Exception {
        AuditKeys keys = AuditKeys.loadOrCreate(home);
        Path priv = home.resolve("keys").resolve(AuditKeys.FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keys"))))
                .isEqualTo("rwx------");
        assertThat(Files.readString(priv)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(home.resolve("keys").resolve(AuditKeys.FILE + ".pub")))
                .startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(keys.id()).matches("[0-9a-f]{16}").isEqualTo(AuditKeys.idOf(keys.publicKey()));
        assertThat(AuditKeys.loadOrCreate(home).id()).isEqualTo(keys.id());
        assertThat(AuditKeys.trusted(home)).containsOnlyKeys(keys.id());
    }

    @Test
    void aKeyOthersCanReadIsRefusedWithTheChmodToRun() throws Exception {
        AuditKeys.loadOrCreate(home);
        Path priv = home.resolve("keys").resolve(AuditKeys.FILE);
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> AuditKeys.loadOrCreate(home)).isInstanceOf(EnvironmentException.class)
                .hasMessage("the audit key " + priv + " is open to others (rw-r--r--): run chmod 600 " + priv);
        assertThatThrownBy(() -> AuditLog.open(home).append(null, "aap", "git.commit", AuditFixtures.editDetails(1)))
                .hasMessageContaining("chmod 600");
    }

    @Test
    void verifyingNeedsOnlyThePublicKey() throws Exception {
        AuditLog.open(home).append(null, "aap", "git.commit", AuditFixtures.editDetails(1));
        Files.setPosixFilePermissions(home.resolve("keys").resolve(AuditKeys.FILE),
                PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(AuditVerifier.verify(home, null)).isInstanceOf(AuditVerifier.Intact.class);
    }

    @Test
    void aPublicKeyThatIsNotThePrivateKeysHalfIsRefused(@TempDir Path other) throws Exception {
        AuditKeys.loadOrCreate(home);
        AuditKeys.loadOrCreate(other);
        Files.copy(other.resolve("keys").resolve(AuditKeys.FILE + ".pub"),
                home.resolve("keys").resolve(AuditKeys.FILE + ".pub"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> AuditKeys.loadOrCreate(home)).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("is not the public half of");
    }

    @Test
    void aPublicKeyReadsFromPemOrPlainBase64() throws Exception {
        AuditKeys keys = AuditKeys.loadOrCreate(home);
        String pem = AuditKeys.pem(keys.publicKey());
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");

        assertThat(AuditKeys.idOf(AuditKeys.publicFrom(pem))).isEqualTo(keys.id());
        assertThat(AuditKeys.idOf(AuditKeys.publicFrom(base64))).isEqualTo(keys.id());
    }
}
