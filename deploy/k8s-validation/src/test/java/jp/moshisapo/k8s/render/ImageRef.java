package jp.moshisapo.k8s.render;

/** A container image reference split the way kustomize's {@code images:} sees it: name, tag, digest. */
public record ImageRef(String name, String tag, String digest) {

    public static ImageRef parse(String image) {
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        // A colon before the last slash belongs to a registry port (localhost:5001/x), not to a tag.
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(rest, tag, digest);
    }

    public ImageRef withName(String newName) {
        return new ImageRef(newName, tag, digest);
    }

    public ImageRef withTag(String newTag) {
        return new ImageRef(name, newTag, digest);
    }

    public ImageRef withDigest(String newDigest) {
        return new ImageRef(name, tag, newDigest);
    }

    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
