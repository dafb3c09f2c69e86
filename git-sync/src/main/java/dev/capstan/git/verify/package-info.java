/**
 * Who signed a commit. {@link dev.capstan.git.verify.CommitVerifier} reports a
 * {@link dev.capstan.git.verify.SignatureStatus} for every fetched commit; when a source's
 * {@link dev.capstan.git.verify.VerificationPolicy} requires signatures, only a good OpenPGP
 * signature by a key in the configured keyring, or a good SSH signature by a key in the configured
 * allowed_signers file, lets the commit through. The fetcher keeps the last verified commit in force
 * when a newer one is refused.
 */
package dev.capstan.git.verify;
