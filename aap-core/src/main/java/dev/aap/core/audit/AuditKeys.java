package dev.aap.core.audit;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Ed25519 key pair that signs audit records, kept under {@code AAP_HOME/keys} (private key PKCS#8 PEM, mode 600;
 * public key X.509 PEM beside it) and made on first use. A private key others can read is refused: whoever can read
 * it can forge the log.
 */
public final class AuditKeys {

    /** File name of the private key under {@code AAP_HOME/keys}; the public key adds {@code .pub}. */
    public static final String FILE = "audit-ed25519";

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;

    private AuditKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.id = idOf(publicKey);
    }

    /** Loads the pair from {@code home/keys}, making it first when there is none. */
    public static AuditKeys loadOrCreate(Path home) {
        Path dir = home.resolve("keys");
        try {
            createPrivateDirectory(dir);
        } catch (IOException e) {
            throw new EnvironmentException("cannot make " + dir + " (" + e.getMessage() + "): check AAP_HOME", e);
        }
        return FileLocks.locked(dir.resolve(".lock"), () -> {
            Path priv = dir.resolve(FILE);
            if (!Files.exists(priv)) {
                create(dir);
            }
            return load(priv, dir.resolve(FILE + ".pub"));
        });
    }

    /**
     * The public keys this home trusts, by id: the current one and retired ones kept as
     * {@code audit-ed25519-*.pub}. Only public keys are read, so verifying needs no access to the private key.
     */
    public static Map<String, PublicKey> trusted(Path home) {
        Map<String, PublicKey> keys = new TreeMap<>();
        Path dir = home.resolve("keys");
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(FILE)
                    && f.getFileName().toString().endsWith(".pub")).toList()) {
                PublicKey k = readPublic(p);
                keys.put(idOf(k), k);
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + dir + " (" + e.getMessage() + ")", e);
        }
        return keys;
    }

    /** Reads a public key from a PEM or plain base64 X.509 file (a key kept elsewhere, or from an export). */
    public static PublicKey readPublic(Path file) {
        try {
            return publicFrom(Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new EnvironmentException("cannot read the audit public key " + file + " (" + e.getMessage() + ")");
        }
    }

    /** Parses a public key from PEM or plain base64 X.509 text. */
    public static PublicKey publicFrom(String pemOrBase64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pemOrBase64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage());
        }
    }

    /** First 16 hex digits of the SHA-256 of the key's X.509 encoding: short enough for every record. */
    public static String idOf(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** The public key as PEM text. */
    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** True when {@code sig} (base64) is {@code key}'s Ed25519 signature of {@code data}. */
    public static boolean verify(PublicKey key, byte[] data, String sig) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String id() {
        return id;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Base64 Ed25519 signature of {@code data}. */
    String sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static void create(Path dir) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.writeString(dir.resolve(FILE + ".pub"), pem(pair.getPublic()));
            // Written under a temporary name with mode 600 from the start, then renamed: the key is never readable by
            // others, and no reader sees half a file.
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            if (posix()) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new EnvironmentException("cannot make the audit key in " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    private static AuditKeys load(Path priv, Path pub) {
        refuseOpenPermissions(priv);
        if (!Files.exists(pub)) {
            throw new EnvironmentException("the audit public key " + pub + " is missing: restore it, or move "
                    + priv + " away to start a new key");
        }
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(priv))));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new EnvironmentException("cannot read the audit key " + priv + " (" + e.getMessage() + ")");
        }
        var keys = new AuditKeys(privateKey, readPublic(pub));
        byte[] probe = "aap audit key check".getBytes(StandardCharsets.UTF_8);
        if (!verify(keys.publicKey, probe, keys.sign(probe))) {
            throw new EnvironmentException(pub + " is not the public half of " + priv + ": restore the matching file");
        }
        return keys;
    }

    private static void refuseOpenPermissions(Path priv) {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(priv);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the permissions of " + priv + " (" + e.getMessage() + ")");
        }
        if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
            throw new EnvironmentException("the audit key " + priv + " is open to others ("
                    + PosixFilePermissions.toString(perms) + "): run chmod 600 " + priv);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        if (posix()) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another process made it first; its mode is its own business
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] der(String text) {
        String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
