/**
 * Datasets for tests, benchmarks and notebooks: the classic bundled ones ({@link org.fheml.core.datasets.Datasets}),
 * a user's own CSV files ({@link org.fheml.core.datasets.CsvDatasets}) and reproducible train/test splits
 * ({@link org.fheml.core.datasets.TrainTestSplit}).
 */
package org.fheml.core.datasets;
