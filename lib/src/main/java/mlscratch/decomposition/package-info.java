/// Matrix decompositions used as models: principal component analysis and its relatives.
package mlscratch.decomposition;
