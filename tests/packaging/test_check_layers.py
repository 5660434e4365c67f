"""check_layers.py finds what it exists to find: a header speaking for
another module, an include cycle, and a link-level cycle; and passes a
layered tree."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, 'check_layers.py')


def run(src, *extra):
    return subprocess.run([sys.executable, SCRIPT, '--src', src, *extra],
                          capture_output=True, text=True)


class Layers(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        with open(os.path.join(self.dir, name), 'w') as f:
            f.write(text)

    def layered(self):
        self.write('low.h', 'int etsi__low(void);\n')
        self.write('low.c', '#include "low.h"\nint etsi__low(void)\n{\n\treturn 1;\n}\n')
        self.write('high_impl.h', '#include "low.h"\nint etsi__high(void);\n')
        self.write('high.c', '#include "high_impl.h"\nint etsi__high(void)\n{\n'
                   '\treturn etsi__low();\n}\n')
        self.write('high_part.c', '#include "high_impl.h"\n'
                   'static int etsi__high_part(void)\n{\n\treturn etsi__high();\n}\n')

    def test_layered_tree_passes(self):
        self.layered()
        r = run(self.dir, '--graph')
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn('layer 0: low', r.stdout)
        self.assertIn('layer 1: high', r.stdout)

    def test_include_cycle_is_named_with_its_lines(self):
        self.layered()
        self.write('low.c', '#include "low.h"\n#include "high_impl.h"\n'
                   'int etsi__low(void)\n{\n\treturn 1;\n}\n')
        r = run(self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertIn('include cycle among the modules high, low', r.stdout)
        self.assertIn('low.c:2: low -> high', r.stdout)

    def test_header_declaring_another_modules_function(self):
        self.layered()
        self.write('low.h', 'int etsi__low(void);\nint etsi__high(void);\n')
        r = run(self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertIn('low.h:2: declares etsi__high, which module high defines', r.stdout)

    def test_a_comment_or_macro_is_not_a_declaration(self):
        self.layered()
        self.write('low.h', '/* see etsi__high() */\n#define etsi__alias(x) etsi__high(x)\n'
                   'int etsi__low(void);\n')
        self.assertEqual(run(self.dir).returncode, 0)

    @unittest.skipUnless(shutil.which('cc') and shutil.which('ar') and shutil.which('nm'),
                         'needs cc, ar and nm')
    def test_link_cycle_through_a_public_header(self):
        # low calls high through a declaration of its own (as through a
        # public header): the include graph is clean, the link graph not
        self.layered()
        self.write('low.c', 'int etsi__high(void);\nint etsi__low(void)\n{\n'
                   '\treturn etsi__high();\n}\n')
        objs = []
        for name in ('low.c', 'high.c'):
            obj = os.path.join(self.dir, name + '.o')
            subprocess.run(['cc', '-c', '-I', self.dir, '-o', obj,
                            os.path.join(self.dir, name)], check=True)
            objs.append(obj)
        archive = os.path.join(self.dir, 'libx.a')
        subprocess.run(['ar', 'rc', archive, *objs], check=True)
        self.assertEqual(run(self.dir).returncode, 0)
        r = run(self.dir, '--archive', archive)
        self.assertEqual(r.returncode, 1)
        self.assertIn('link cycle among the modules high, low', r.stdout)
        self.assertIn('low uses etsi__high', r.stdout)

    def test_missing_source_directory_is_a_usage_error(self):
        r = run(os.path.join(self.dir, 'nowhere'))
        self.assertEqual(r.returncode, 2)
        self.assertIn('nowhere', r.stderr)


if __name__ == '__main__':
    unittest.main()
