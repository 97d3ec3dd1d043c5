package org.fheml.quantization;

/**
 * The geometry of a 2-D convolution or pooling window over an input of shape (channels, height, width), with
 * ONNX's attributes: kernel, strides, pads (top, left, bottom, right) and dilations.
 */
public record ConvGeometry(int channels, int height, int width, int kernelHeight, int kernelWidth, int strideHeight,
        int strideWidth, int padTop, int padLeft, int padBottom, int padRight, int dilationHeight,
        int dilationWidth) {

    public ConvGeometry {
        for (int v : new int[] {channels, height, width, kernelHeight, kernelWidth, strideHeight, strideWidth,
                dilationHeight, dilationWidth}) {
            if (v < 1) {
                throw new IllegalArgumentException("Sizes, kernels, strides and dilations must be positive: " + this);
            }
        }
        if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
            throw new IllegalArgumentException("Pads must not be negative.");
        }
        if (height + padTop + padBottom < dilationHeight * (kernelHeight - 1) + 1
                || width + padLeft + padRight < dilationWidth * (kernelWidth - 1) + 1) {
            throw new IllegalArgumentException("The window does not fit the padded input.");
        }
    }

    /** A square kernel k with stride s and the same padding p on every side, dilation 1. */
    public static ConvGeometry square(int channels, int height, int width, int kernel, int stride, int padding) {
        return new ConvGeometry(channels, height, width, kernel, kernel, stride, stride, padding, padding, padding,
                padding, 1, 1);
    }

    public int outputHeight() {
        return (height + padTop + padBottom - dilationHeight * (kernelHeight - 1) - 1) / strideHeight + 1;
    }

    public int outputWidth() {
        return (width + padLeft + padRight - dilationWidth * (kernelWidth - 1) - 1) / strideWidth + 1;
    }

    public int inputSize() {
        return channels * height * width;
    }

    /** The input row of tap (ky, kx) for output row oy, or −1 in the padding; likewise for columns. */
    int inputRow(int oy, int ky) {
        int y = oy * strideHeight - padTop + ky * dilationHeight;
        return y >= 0 && y < height ? y : -1;
    }

    int inputColumn(int ox, int kx) {
        int x = ox * strideWidth - padLeft + kx * dilationWidth;
        return x >= 0 && x < width ? x : -1;
    }

    boolean padded() {
        return padTop + padLeft + padBottom + padRight > 0;
    }

    @Override
    public String toString() {
        return "(" + channels + "x" + height + "x" + width + ", kernel " + kernelHeight + "x" + kernelWidth
                + ", stride " + strideHeight + "x" + strideWidth + ", pads " + padTop + "," + padLeft + "," + padBottom
                + "," + padRight + ", dilation " + dilationHeight + "x" + dilationWidth + ")";
    }
}
