package dev.capstan.git.resolve;

import org.eclipse.jgit.lib.ObjectId;

/**
 * A ref as the server advertised it.
 *
 * @param name full ref name ({@code refs/heads/main}); for a commit query, the SHA itself
 * @param objectId what the ref points at (a tag object for annotated tags)
 * @param commitId the commit it resolves to, when the server said (peeled tags); else equal to objectId
 */
public record RemoteRef(String name, ObjectId objectId, ObjectId commitId) {
}
