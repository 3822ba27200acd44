package org.interdict.zone;

import java.io.IOException;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * Packs the records of a transfer into answer messages of about {@value #MESSAGE_OCTETS} octets, each signed with
 * the request's TSIG key (RFC 8945 §5.3.1: the first over the request's MAC, each next over the one before), and
 * hands them to the connection as they fill.
 */
final class TransferWriter {

    /** As BIND sends: big enough that a million records take few messages, far from the 65,535-octet limit. */
    static final int MESSAGE_OCTETS = 16 * 1024;

    /** Where the wire form of each message goes, in order. */
    interface Sink {
        void send(byte[] wire) throws IOException;
    }

    private final Message request;
    private final TSIG.StreamGenerator signer;
    private final Sink sink;
    private Message message;
    private int octets;
    private long records;
    private boolean first = true;

    TransferWriter(Message request, TSIG key, TSIGRecord requestSignature, Sink sink) {
        this.request = request;
        this.signer = new TSIG.StreamGenerator(key, requestSignature);
        this.sink = sink;
    }

    void add(Record record) throws IOException {
        // The owner name is compressed against earlier ones in practice; counting it whole keeps clear of the limit.
        int size = record.getName().length() + record.rdataToWireCanonical().length + 10;
        if (message != null && octets + size > MESSAGE_OCTETS) {
            flush();
        }
        if (message == null) {
            message = answer(request);
            // The question goes in the first message only (RFC 5936 §2.2.1).
            if (!first) {
                message.removeAllRecords(Section.QUESTION);
            }
            first = false;
            octets = 0;
        }
        message.addRecord(record, Section.ANSWER);
        octets += size;
        records++;
    }

    /** Sends the message being filled, if any. */
    void finish() throws IOException {
        if (message != null) {
            flush();
        }
    }

    long records() {
        return records;
    }

    private void flush() throws IOException {
        signer.generate(message);
        sink.send(message.toWire());
        message = null;
    }

    /** An authoritative answer to the request: same id and question, no records yet. */
    static Message answer(Message request) {
        Message answer = new Message(request.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.AA);
        answer.getHeader().setOpcode(request.getHeader().getOpcode());
        if (request.getQuestion() != null) {
            answer.addRecord(request.getQuestion(), Section.QUESTION);
        }
        return answer;
    }
}
