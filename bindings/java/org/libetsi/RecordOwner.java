/*
 * libetsi Java binding: what records belong to, and the lifetime of the C
 * objects behind it.
 */
package org.libetsi;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * What records belong to: a {@link Dossier}, a {@link Catalog} or
 * {@link Results}.  Each owns a C object, which {@link #close()} frees at
 * once; one that is not closed is freed by a {@link Cleaner} once nothing
 * reaches it any more.  A {@link Record} keeps its owner reachable, so the
 * order in which the garbage collector finds them never matters.  After
 * {@code close()}, the owner and every record from it throw
 * {@link IllegalStateException}.
 *
 * <p>Use an owner from one thread at a time (two threads may work on two
 * dossiers at once).  Catalogs are immutable and may be read from several
 * threads.
 */
public abstract class RecordOwner implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicLong LIVE = new AtomicLong();

    /** Frees a C object; holds its address only, never the proxy or the owner. */
    private static final class Free implements Runnable {
        private final long address;
        private final LongConsumer delete;

        Free(long address, LongConsumer delete) {
            this.address = address;
            this.delete = delete;
        }

        @Override
        public void run() {
            delete.accept(address);
            LIVE.decrementAndGet();
        }
    }

    private final String what;
    private final RecordOwner lender;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    /**
     * An owner of its C object: the cleaner is registered on the proxy, which
     * the native calls keep reachable while they run.
     */
    RecordOwner(String what, Object proxy, long address, LongConsumer delete) {
        this.what = what;
        this.lender = null;
        LIVE.incrementAndGet();
        this.cleanable = CLEANER.register(proxy, new Free(address, delete));
    }

    /** A borrowed object: it lives as long as its lender (a dossier's catalog). */
    RecordOwner(String what, RecordOwner lender) {
        this.what = what;
        this.lender = lender;
        this.cleanable = null;
    }

    /** The number of C objects the binding owns and has not freed yet (tests). */
    static long liveNativeObjects() {
        return LIVE.get();
    }

    /** Throws IllegalStateException when this owner, or the one it borrows from, is closed. */
    final void checkOpen() {
        if (closed)
            throw new IllegalStateException("the " + what + " was closed");
        if (lender != null)
            lender.checkOpen();
    }

    abstract Object proxy();

    abstract long nativeCount(int kind);

    abstract NativeRecord nativeAt(int kind, long i);

    abstract NativeRecord nativeFind(int kind, String key);

    /** A record of this owner; the proxy keeps this owner's proxy reachable. */
    final Record wrap(NativeRecord raw) {
        if (raw == null)
            return null;
        raw.swigOwner = proxy();
        return new Record(raw, this);
    }

    final List<Record> wrapAll(int kind) {
        checkOpen();
        long n = nativeCount(kind);
        List<Record> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++)
            out.add(wrap(nativeAt(kind, i)));
        return Collections.unmodifiableList(out);
    }

    /**
     * Every record of a kind, in document order.
     *
     * @param kind a kind name, such as "component" or "provision"
     *        ({@link Etsi#kinds()} lists them)
     * @return the records; an unmodifiable list
     * @throws EtsiException.Invalid for an unknown kind
     * @throws IllegalStateException after {@link #close()}
     */
    public List<Record> records(String kind) {
        return wrapAll(Kinds.id(kind));
    }

    /**
     * How many records of a kind there are.
     *
     * @param kind a kind name
     * @return the number
     * @throws EtsiException.Invalid for an unknown kind
     * @throws IllegalStateException after {@link #close()}
     */
    public int count(String kind) {
        int k = Kinds.id(kind);
        checkOpen();
        return (int) nativeCount(k);
    }

    /**
     * The record of a kind with a key: an id ("comp-fw"), a provision for an
     * ICS entry or an outcome ("5.3-2"), a test case for a verdict
     * ("5.3-2-1"), a name for a confirmation or a gate step.
     *
     * @param kind a kind name
     * @param key the key
     * @return the record, or empty
     * @throws EtsiException.Invalid for an unknown kind
     * @throws IllegalStateException after {@link #close()}
     */
    public Optional<Record> find(String kind, String key) {
        int k = Kinds.id(kind);
        checkOpen();
        return Optional.ofNullable(wrap(nativeFind(k, key)));
    }

    /**
     * The record of a singleton kind ("header", "dut", "user-info",
     * "summary").
     *
     * @param kind a kind name
     * @return the record, or empty
     * @throws EtsiException.Invalid for an unknown kind
     * @throws IllegalStateException after {@link #close()}
     */
    public Optional<Record> find(String kind) {
        return find(kind, null);
    }

    /**
     * Frees the C object now; later calls do nothing.  Using this object or
     * its records afterwards throws {@link IllegalStateException}.
     */
    @Override
    public void close() {
        closed = true;
        if (cleanable != null)
            cleanable.clean();
    }

    /**
     * @return true after {@link #close()} (or when the dossier a catalog
     *         belongs to was closed)
     */
    public boolean isClosed() {
        if (closed)
            return true;
        return lender != null && lender.isClosed();
    }
}
