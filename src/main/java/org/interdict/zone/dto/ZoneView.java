package org.interdict.zone.dto;

import java.util.List;

/**
 * An ISP's zone: its name, the version it serves and that version's SOA serial (null before the ISP's first
 * version), and the last transfer of every address that transferred it, registered secondary or not, newest first.
 */
public record ZoneView(String isp, String name, Long version, Long serial, List<TransferView> transfers) {}
