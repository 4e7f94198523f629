package io.trendwire.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that computes each element on demand; {@link #computeNext} returns null at the end. */
abstract class LazyIterator<T> implements Iterator<T> {
  private T next;
  private boolean done;

  /** The next element, or null when there is none. */
  protected abstract T computeNext();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = computeNext();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T result = next;
    next = null;
    return result;
  }
}
