package org.planledger.infra.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs checkpoints with an Ed25519 key ({@code planledger.ledger.signing-key-file}, PKCS#8 PEM as
 * {@code openssl genpkey -algorithm ed25519} writes it), using only the JDK. The public key is
 * derived from the private key's 32-byte seed (the JDK's key pair generator fed that seed), and a
 * test signature is checked at load, so a wrong file fails the start rather than the first checkpoint.
 */
public final class LedgerSigner {

    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private LedgerSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static LedgerSigner load(Path pemFile) {
        try {
            String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() ->
                    new IllegalStateException("the key in " + pemFile + " has no private bytes"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = generator.generateKeyPair();
            LedgerSigner signer = new LedgerSigner(key, pair.getPublic());
            byte[] probe = "planledger-key-check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(signer.publicKey, probe, signer.sign(probe))) {
                throw new IllegalStateException("the public key derived from " + pemFile + " does not verify its signatures");
            }
            return signer;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("planledger.ledger.signing-key-file " + pemFile
                    + " is not an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519): " + e.getMessage(), e);
        }
    }

    public String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM (SubjectPublicKeyInfo, "BEGIN PUBLIC KEY"). */
    public String publicKeyPem() {
        return pem(publicKey);
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public static PublicKey publicKeyFromDer(byte[] der) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    }

    public static boolean verify(PublicKey key, byte[] message, String base64Signature) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
