// Run by check_install.sh against the installed libetsi.jar alone: the
// jar finds libetsijni, and libetsijni finds libetsi, with no
// -Djava.library.path, LD_LIBRARY_PATH or CLASSPATH.
import java.nio.file.Paths;
import org.libetsi.Dossier;
import org.libetsi.Etsi;
import org.libetsi.Results;

public final class InstalledJava {
    private InstalledJava() {
    }

    public static void main(String[] args) throws Exception {
        try (Dossier dossier = Dossier.load(Paths.get(args[0]));
             Results results = dossier.evaluate()) {
            System.out.println("libetsi " + Etsi.version() + ": " + dossier.digest().substring(0, 7)
                               + " " + results.overall());
        }
    }
}
