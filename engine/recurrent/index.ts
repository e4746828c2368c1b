/** Recurrent networks (the seed's chapter 5): the LSTM cell, a plain recurrent layer, BPTT, training and measurements. */
export * from './layout';
export * from './model';
export * from './cell';
export * from './lstm';
export * from './rnn';
export * from './runner';
export * from './gradcheck';
export * from './trainer';
export * from './vanishing';
export * from './trace';
export * from './recall';
export * from './sequence-csv';
export * from './network';
export * from '../datasets/sequences';
export * from './readout';
