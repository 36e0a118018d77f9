package io.soltrade.data.questdb.testing;

import java.io.IOException;

/**
 * The main class of the QuestDB child process that {@link QuestDbServer} starts: it runs QuestDB's own
 * {@code ServerMain} and halts the process as soon as its standard input closes. The parent holds the other
 * end of that pipe, so a test JVM that dies (even by {@code kill -9}) never leaves a QuestDB server behind on
 * a shared machine.
 */
public final class QuestDbChildMain {

    private QuestDbChildMain() {}

    public static void main(String[] args) {
        Thread watchdog = new Thread(QuestDbChildMain::haltWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        io.questdb.ServerMain.main(args);
    }

    private static void haltWhenParentGoes() {
        try {
            while (System.in.read() != -1) {
                // the parent never writes; a byte would only be noise
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of stream: the parent is gone
        }
        Runtime.getRuntime().halt(3);
    }
}
