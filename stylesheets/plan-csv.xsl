<?xml version="1.0" encoding="UTF-8"?>
<!--
  plan-csv.xsl: the TS 103 701 test plan as CSV (etsi report FILE - -format
  plan-csv).

  TS 103 701 assessment layer.  One row per planned test case, in plan
  order; the same bytes as `etsi plan - -format csv`.  Columns:

    test_case       the test case (5.3-2-1)
    group           its test group
    provision       the EN 303 645 provision it assesses
    kind            conceptual, functional or mixed
    disposition     test, justification or expected-fail
    ready           yes when every IXIT input is present, else no
    inputs          the IXIT inputs it reads, "TABLE field; ..."; inputs
                    libetsi does not check end in " (not checked)"
    missing_inputs  the inputs that are missing, each with the rows that
                    lack it in parentheses

  RFC 4180: UTF-8, a header row, fields quoted when they hold a comma, a
  quote, CR or LF, quotes doubled, records ending in CRLF.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:r="urn:libetsi:results:1"
    exclude-result-prefixes="rp r">

  <xsl:include href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:text>test_case,group,provision,kind,disposition,ready,inputs,missing_inputs&#13;&#10;</xsl:text>
    <xsl:for-each select="/rp:report/r:results/r:plan/r:case">
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value" select="@id"/>
      </xsl:call-template>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value" select="@group"/>
      </xsl:call-template>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value" select="@provision"/>
      </xsl:call-template>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value" select="@kind"/>
      </xsl:call-template>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value" select="@disposition"/>
      </xsl:call-template>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="@ready = 'true'">yes</xsl:when>
            <xsl:otherwise>no</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value">
          <xsl:for-each select="r:input">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:value-of select="@table"/>
            <xsl:if test="@field">
              <xsl:text> </xsl:text>
              <xsl:value-of select="@field"/>
            </xsl:if>
            <xsl:if test="@present = 'unchecked'"> (not checked)</xsl:if>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value">
          <xsl:for-each select="r:input[@present = 'no']">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:value-of select="@table"/>
            <xsl:if test="@field">
              <xsl:text> </xsl:text>
              <xsl:value-of select="@field"/>
            </xsl:if>
            <xsl:if test="string(.) != ''">
              <xsl:text> (</xsl:text>
              <xsl:value-of select="."/>
              <xsl:text>)</xsl:text>
            </xsl:if>
          </xsl:for-each>
        </xsl:with-param>
        <xsl:with-param name="last" select="true()"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
