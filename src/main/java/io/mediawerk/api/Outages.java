package io.mediawerk.api;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/** Recognises failures that mean a dependency (PostgreSQL above all) is down, not that the request was bad. */
public final class Outages {

    private Outages() {}

    public static boolean isDependencyDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            if (t instanceof ConnectException
                    || t instanceof ClosedChannelException
                    || t instanceof TimeoutException
                    || type.endsWith("ClosedConnectionException")
                    || type.endsWith("ConnectTimeoutException")
                    || type.endsWith("NoStackTraceTimeoutException")
                    || message.contains("Connection refused")
                    || message.contains("Connection is closed")
                    || message.contains("Failed to read any response from the server")
                    || message.contains("terminating connection due to administrator command")
                    || message.contains("the database system is shutting down")
                    || message.contains("the database system is starting up")) {
                return true;
            }
        }
        return false;
    }
}
