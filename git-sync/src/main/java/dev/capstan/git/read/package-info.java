/**
 * A folder at a commit, straight from the object database. {@link dev.capstan.git.read.FolderReader}
 * locates the folder's tree and lists it; {@link dev.capstan.git.read.FolderSnapshot} loads file
 * contents on demand and refuses, naming the path, binary files, symbolic links and files over the
 * size limit in {@link dev.capstan.git.read.ReadOptions}. This is the in-memory view the chart loader
 * reads.
 */
package dev.capstan.git.read;
