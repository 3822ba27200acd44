package org.interdict.paging;

import java.util.List;

/** One page of a listing; pass {@code nextCursor} back as {@code cursor} for the next page (absent at the end). */
public record Page<T>(List<T> items, String nextCursor) {}
