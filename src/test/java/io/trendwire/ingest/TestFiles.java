package io.trendwire.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.hadoop.conf.Configuration;

/** Small files written in code, and {@link InputFile}s over them, for the reader tests. */
final class TestFiles {
  private TestFiles() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static Path write(Path dir, String name, byte[] content) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, String content) {
    return write(dir, name, utf8(content));
  }

  static Path writeGzip(Path dir, String name, byte[] content) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(content);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeBzip2(Path dir, String name, byte[] content) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(file))) {
        out.write(content);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An input file over a local path; .gz files are decompressed here, like the Hadoop codecs do. */
  static InputFile local(Path file) {
    return new LocalInputFile(file);
  }

  /** An input file over bytes in memory, named {@code name}, with no siblings. */
  static InputFile bytes(String name, byte[] content) {
    return new InputFile() {
      @Override
      public String path() {
        return "mem:/" + name;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(content);
      }

      @Override
      public Optional<byte[]> readSibling(String sibling) {
        return Optional.empty();
      }

      @Override
      public boolean hasSibling(String sibling) {
        return false;
      }
    };
  }

  static InputFile bytes(String name, String content) {
    return bytes(name, utf8(content));
  }

  /** The reader's production input file over a local path (decompresses .gz and .bz2 by suffix). */
  static InputFile hadoop(Path file) {
    return new HadoopInputFile(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration());
  }

  static List<RawRecord> readAll(RecordReader reader, InputFile file) {
    try {
      List<RawRecord> out = new ArrayList<>();
      Iterator<RawRecord> it = reader.read(file);
      it.forEachRemaining(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class LocalInputFile implements InputFile {
    private final Path file;

    LocalInputFile(Path file) {
      this.file = file;
    }

    @Override
    public String path() {
      return file.toString();
    }

    @Override
    public String name() {
      String name = file.getFileName().toString();
      return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    @Override
    public InputStream open() throws IOException {
      InputStream in = Files.newInputStream(file);
      return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    @Override
    public Optional<byte[]> readSibling(String name) throws IOException {
      Path sibling = file.resolveSibling(name);
      return Files.exists(sibling) ? Optional.of(Files.readAllBytes(sibling)) : Optional.empty();
    }

    @Override
    public boolean hasSibling(String name) {
      return Files.exists(file.resolveSibling(name));
    }
  }
}
