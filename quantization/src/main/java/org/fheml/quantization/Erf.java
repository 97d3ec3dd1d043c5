package org.fheml.quantization;

/** The error function, which the JDK lacks: W. J. Cody's rational approximations, accurate to about 1e-15. */
final class Erf {

    private Erf() {
    }

    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < 0.5) {
            double t = x * x;
            double top = (((0.185777706184603153 * t + 3.16112374387056560) * t + 113.864154151050156) * t
                    + 377.485237685302021) * t + 3209.37758913846947;
            double bottom = (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t
                    + 2844.23683343917062;
            return x * top / bottom;
        }
        return Math.copySign(1 - erfc(ax), x);
    }

    /** erfc for x ≥ 0.5. */
    private static double erfc(double x) {
        if (x < 4) {
            double top = (((((((5.64188496988670089e-1 * x + 8.88314979438837594) * x + 66.1191906371416295) * x
                    + 298.635138197400131) * x + 881.952221241769090) * x + 1712.04761263407058) * x
                    + 2051.07837782607147) * x + 1230.33935479799725);
            double bottom = (((((((x + 15.7449261107098347) * x + 117.693950891312499) * x + 537.181101862009858) * x
                    + 1621.38957456669019) * x + 3290.79923573345963) * x + 4362.61909014324716) * x
                    + 3439.36767414372164) * x + 1230.33935480374942;
            return Math.exp(-x * x) * top / bottom;
        }
        if (x > 27) {
            return 0;
        }
        double z = 1 / (x * x);
        double top = ((((1.63153871373020978e-2 * z + 3.05326634961232344e-1) * z + 3.60344899949804439e-1) * z
                + 1.25781726111229246e-1) * z + 1.60837851487422766e-2) * z + 6.58749161529837803e-4;
        double bottom = ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 5.27905102951428412e-1) * z
                + 6.05183413124413191e-2) * z + 2.33520497626869185e-3;
        double r = z * top / bottom;
        return Math.exp(-x * x) / x * (1 / Math.sqrt(Math.PI) - r);
    }
}
