package org.fheml.compilation;

/** Whether a circuit input arrives encrypted (only the client can read it) or in the clear. */
public enum Encryption {
    ENCRYPTED,
    CLEAR
}
