package org.fheml.tfhe.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fheml.tfhe.InvalidParameterException;
import org.junit.jupiter.api.Test;

class EncodingTest {

    @Property
    void decodingRemovesNoiseBelowHalfDelta(@ForAll @IntRange(min = 1, max = 62) int precision, @ForAll long message,
            @ForAll long noiseSeed) {
        Encoding encoding = new Encoding(precision);
        long halfDelta = encoding.delta() / 2;
        long noise = Math.floorMod(noiseSeed, 2 * halfDelta - 1) - (halfDelta - 1);
        long reduced = Math.floorMod(message, encoding.messageModulus());
        assertEquals(reduced, encoding.decode(encoding.encode(message) + noise));
    }

    @Property
    void signedDecodingIsTheCentredRepresentative(@ForAll @IntRange(min = 1, max = 20) int precision,
            @ForAll long message) {
        Encoding encoding = new Encoding(precision);
        long modulus = encoding.messageModulus();
        long expected = Math.floorMod(message + modulus / 2, modulus) - modulus / 2;
        assertEquals(expected, encoding.decodeSigned(encoding.encode(message)));
    }

    @Test
    void keepsThePaddingBitFree() {
        Encoding encoding = new Encoding(4);
        assertEquals(1L << 59, encoding.delta());
        assertEquals(15L << 59, encoding.encode(15));
        assertEquals(0, encoding.encode(16), "messages wrap mod 2^p");
        // half a Δ above 15 rounds into the padding half and wraps to 0
        assertEquals(0, encoding.decode(encoding.encode(15) + encoding.delta() / 2));
        assertEquals(15, encoding.decode(encoding.encode(15) + encoding.delta() / 2 - 1));
    }

    @Test
    void rejectsPrecisionsWithoutRoomForThePaddingBit() {
        assertThrows(InvalidParameterException.class, () -> new Encoding(0));
        assertThrows(InvalidParameterException.class, () -> new Encoding(63));
    }
}
