package jp.moshisapo.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time, so the production-shaped servers (Kafka SASL_SSL, PostgreSQL
 * verify-full, Keycloak HTTPS) run with real TLS without any key material in the repository. Everything is written
 * as PEM into one directory: the formats Strimzi, CloudNativePG and Keycloak hand to clients and servers.
 */
public final class TestCa {

    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path certificateFile;

    private TestCa(Path dir, KeyPair keys, X509Certificate certificate) {
        this.dir = dir;
        this.keys = keys;
        this.certificate = certificate;
        this.certificateFile = dir.resolve("ca.pem");
        write(certificateFile, pem(certificate));
    }

    /** A new CA in a fresh temporary directory, deleted when the JVM exits. */
    public static TestCa create() {
        Path dir = TempDirs.create("ca");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirs.delete(dir), "delete-test-ca"));
        return create(dir);
    }

    /** A new CA (a fresh key, "CN=Moshisapo Test Root CA <random>") writing its files into {@code dir}. */
    public static TestCa create(Path dir) {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=Moshisapo Test Root CA " + Long.toHexString(RANDOM.nextLong()));
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()));
            Files.createDirectories(dir);
            return new TestCa(dir, keys, sign(builder, keys));
        } catch (IOException | GeneralSecurityException e) {
            throw new ServerStartException("cannot create the test CA: " + e.getMessage(), e);
        }
    }

    /** The directory holding every PEM file of this CA and its leaves. */
    public Path directory() {
        return dir;
    }

    /** The CA certificate as a PEM file: the truststore / {@code sslrootcert} of every client. */
    public Path certificateFile() {
        return certificateFile;
    }

    /** The CA certificate as PEM text (what a Secret's {@code ca.crt} holds). */
    public String certificatePem() {
        return pem(certificate);
    }

    /** A server/client certificate for {@code localhost} and {@code 127.0.0.1}, files named after {@code name}. */
    public Leaf localhostLeaf(String name) {
        return leaf(name, List.of("localhost"), List.of("127.0.0.1"));
    }

    /** A certificate signed by this CA, valid for serverAuth and clientAuth, with the given subject alternative names. */
    public Leaf leaf(String name, List<String> dnsNames, List<String> ipAddresses) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        KeyPair leafKeys = newKeyPair();
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        String commonName = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(X500Name.getInstance(certificate.getSubjectX500Principal()
                    .getEncoded()), new X500Name("CN=" + commonName), leafKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(leafKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate));
            X509Certificate leaf = sign(builder, keys);
            String keyPem = privateKeyPem(leafKeys);
            Leaf files = new Leaf(dir.resolve(name + ".crt"), dir.resolve(name + ".key"),
                    dir.resolve(name + "-keystore.pem"));
            write(files.certificateFile(), pem(leaf));
            writePrivate(files.privateKeyFile(), keyPem);
            writePrivate(files.keyAndCertificateFile(), keyPem + pem(leaf));
            return files;
        } catch (IOException | GeneralSecurityException e) {
            throw new ServerStartException("cannot issue a certificate for " + name + ": " + e.getMessage(), e);
        }
    }

    /** An SSLContext that trusts this CA only: for Java's HttpClient talking to the servers. */
    public SSLContext sslContext() {
        return sslContextTrusting(certificateFile);
    }

    /** An SSLContext that trusts the CA certificate(s) in the PEM file {@code caPem} only. */
    public static SSLContext sslContextTrusting(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSLContext from " + caPem + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files of one certificate: the certificate, its unencrypted PKCS#8 key (mode 0600, as PostgreSQL demands),
     * and key followed by certificate in one file (Kafka's PEM keystore).
     */
    public record Leaf(Path certificateFile, Path privateKeyFile, Path keyAndCertificateFile) {
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject,
            java.security.PublicKey publicKey) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, publicKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
            throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    // RSA 2048: the key type every one of the servers' PEM readers is verified with (RECIPES.md).
    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String privateKeyPem(KeyPair keys) throws IOException {
        return pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate());
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
