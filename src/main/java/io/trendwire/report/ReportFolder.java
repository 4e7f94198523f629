package io.trendwire.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A report folder written atomically. Everything goes to a hidden staging folder beside the
 * target ({@code .<name>.staging-<uuid>}); {@link #commit()} renames it into place only after the
 * manifest is written. A failed or killed run therefore never leaves a folder at the target path,
 * and an existing report is replaced only by a complete one.
 */
public final class ReportFolder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReportFolder.class);

  private final Path target;
  private final Path staging;
  private final FileSystem fs;
  private final boolean overwrite;
  private boolean committed;

  private ReportFolder(Path target, FileSystem fs, boolean overwrite) {
    this.target = target;
    this.fs = fs;
    this.overwrite = overwrite;
    this.staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + UUID.randomUUID());
  }

  /** Checks the target before any work is done, so a run that would be refused fails at once. */
  public static ReportFolder open(String path, boolean overwrite, Configuration conf) {
    try {
      Path target = new Path(path);
      FileSystem fs = target.getFileSystem(conf);
      target = fs.makeQualified(target);
      if (fs.exists(target) && !overwrite) {
        throw new OutputExistsException("output exists: " + path + " (use --overwrite to replace it)");
      }
      if (target.getParent() == null) {
        throw new OutputExistsException("output cannot be a file-system root: " + path);
      }
      return new ReportFolder(target, fs, overwrite);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check output " + path + ": " + e.getMessage(), e);
    }
  }

  /** Where a dataset of this run is written before the commit. */
  public String stagedPath(String name) {
    return new Path(staging, name).toString();
  }

  public String targetPath() {
    return target.toString();
  }

  public void writeText(String name, String content) {
    // No .crc sidecar beside the manifest: readers of the report do not expect one.
    fs.setWriteChecksum(false);
    try (OutputStream out = fs.create(new Path(staging, name), true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
    }
  }

  /** Moves the staged report into place; an existing report is replaced only now. */
  public void commit() {
    try {
      Path old = null;
      if (fs.exists(target)) {
        if (!overwrite) {
          throw new OutputExistsException("output appeared while the job ran: " + target);
        }
        old = new Path(target.getParent(), "." + target.getName() + ".replaced-" + UUID.randomUUID());
        rename(target, old);
      }
      rename(staging, target);
      committed = true;
      if (old != null) {
        fs.delete(old, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the report into " + target + ": " + e.getMessage(), e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }

  /** Removes the staging folder of a run that did not commit. */
  @Override
  public void close() {
    if (!committed) {
      try {
        fs.delete(staging, true);
      } catch (IOException e) {
        LOG.warn("could not remove staging folder {}: {}", staging, e.getMessage());
      }
    }
  }
}
