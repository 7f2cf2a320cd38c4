package io.resolvehub.agent;

/** An upload whose name and media type name no format the hub reads (the REST layer answers 415). */
public class UnsupportedFileTypeException extends RuntimeException {

    public UnsupportedFileTypeException(String filename, String mediaType) {
        super("'" + (filename == null ? "(no name)" : filename) + "'" + (mediaType == null ? "" : " (" + mediaType + ")")
                + " is not a supported document type: upload " + FileFormat.SUPPORTED);
    }
}
