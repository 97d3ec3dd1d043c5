package org.fheml.models.neural;

/** The granularity of the symmetric weight quantizer's scale. */
public enum WeightScaling {
    /** One scale per layer: every neuron of a layer shares one accumulator scale and one activation table. */
    PER_LAYER,
    /** One scale per output neuron (per channel): each neuron uses its full weight range and has its own table. */
    PER_NEURON
}
